notify { 'values':
  message => {
    'floats' => [1.0, 1e3, 2.5e-3, 7.0 / 2],
    'ints'   => [0x1F, 010, -0, 9007199254740993],
    'undefs' => [undef, 'x', { 'k' => undef }],
    1        => 'int key',
    'nested' => { 'a' => [[1, 2], { 'b' => true }] },
    'ref'    => File['/etc/x'],
    'type'   => Integer[1, 2],
    'regexp' => /a+b/,
    'default'=> default,
  },
}
file { '/etc/x': mode => '0644' }
