function site::double(Integer $x) >> Integer { $x * 2 }
notice(site::double(2))
notice(site::double(2, 3))
