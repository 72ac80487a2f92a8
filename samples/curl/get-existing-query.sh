curl --get 'https://api.example.com/v1/search?lang=en' --data-urlencode 'q=naïve café' -d 'sort=%2Bdate'
