class later { $x = 1 }
class early { $y = 2 }
include early
notice("a=${later::x} b=${early::nope} c=${early::y}")
