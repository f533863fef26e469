define thing () { }
thing { 'a': }
notify { 'between': }
thing { 'a': }
