"""Building site/ atomically, serving it with nginx, headers and deploy configuration."""
