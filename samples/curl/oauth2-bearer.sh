curl --oauth2-bearer 'ya29.a0AfB_byC' https://api.example.com/v1/calendar/events
