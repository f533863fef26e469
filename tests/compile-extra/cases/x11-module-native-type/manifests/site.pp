include widgets
