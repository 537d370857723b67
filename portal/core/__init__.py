"""What every visitor shares: home, emergency numbers, language and easy-to-read choices."""
