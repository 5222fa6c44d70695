"""Site search for Polish and Indonesian: index, stemmers for the browser, worker assets."""
