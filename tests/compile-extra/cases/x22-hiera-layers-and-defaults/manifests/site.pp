include ntp
notice(lookup('site::admins', Array[String], 'unique', []))
notice(lookup('missing::key', undef, undef, 'fallback'))
