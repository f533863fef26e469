class wait_for {
}
