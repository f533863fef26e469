class a { notify { 'a': } }
include a
Class['a'] -> Class['b']
