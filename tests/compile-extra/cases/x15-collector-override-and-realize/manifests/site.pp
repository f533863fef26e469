@package { ['vim', 'emacs', 'nano']: ensure => installed, tag => 'editors' }
Package <| title == 'vim' or title == 'nano' |> { ensure => latest }
realize(Package['emacs'])
class t { tag 'custom'; notify { 'tagged': } }
include t
Notify <| tag == 'custom' |> { message => 'collected by tag' }
