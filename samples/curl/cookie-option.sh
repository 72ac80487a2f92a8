curl -b 'session=abc123; lang=en' -b 'ab_test=b' https://app.example.com/api/prefs
