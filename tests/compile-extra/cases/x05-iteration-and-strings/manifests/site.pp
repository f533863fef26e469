$users = { 'alice' => { uid => 1001, admin => true }, 'bob' => { uid => 1002, admin => false } }
$admins = $users.filter |$n, $u| { $u['admin'] }.keys
$total = $users.reduce(0) |$m, $kv| { $m + $kv[1]['uid'] }
$msg = @("END")
  admins: ${admins.join(', ')}
  total: ${total}
  | END
notice($msg)
notice(sprintf('%05.1f|%-4s|%x', 3.14159, 'ab', 255))
case [$facts['os']['family'], $facts['kernel']] {
  ['Debian', 'Linux']: { notify { 'debian linux': } }
  default: { notify { 'other': } }
}
$users.each |$name, $u| {
  user { $name: uid => $u['uid'], groups => $u['admin'] ? { true => ['sudo'], default => [] } }
}
