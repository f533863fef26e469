$t = @(EOT)
  <%- | String $name, Array[Integer] $ports = [80] | -%>
  server <%= $name %>
  <% $ports.each |$p| { -%>
  listen <%= $p %>
  <% } -%>
  | EOT
notice(inline_epp($t, { 'name' => 'web', 'ports' => [80, 443] }))
$h = @("X"/L)
  one \
  two
  |- X
notice($h)
notice(sprintf('%p %s %p', 'a', ['b', 1], { 'k' => undef }))
notice("missing=[${facts['no_such_fact']}]")
file { '/tmp/x': content => inline_epp('<%= $facts["hostname"] %>') }
