notify { 'x': }
class { 'nope': enabled => true }
