$n = Integer('12')
notice($n)
$m = Integer('twelve')
