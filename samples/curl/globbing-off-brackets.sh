curl --globoff 'https://api.example.com/v1/items?filter[status]=open&sort[]=-created'
