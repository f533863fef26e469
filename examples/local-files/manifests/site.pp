# An example that is safe to apply on any machine: everything lives under /tmp/cfg-example.
#   cfg apply examples/local-files --facts examples/local-files/facts.json --noop
node default {
  class { 'motd':
    root    => '/tmp/cfg-example',
    message => "Welcome to ${facts['networking']['fqdn']}",
  }
}
