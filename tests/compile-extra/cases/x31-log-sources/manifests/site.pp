node default {
  notice('from node')
  include logs
  logs::thing { 't1': }
}
