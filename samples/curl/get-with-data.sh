curl -G https://api.example.com/v1/search -d q=refund -d page=2 --data-urlencode 'filter=status:open tag:vip'
