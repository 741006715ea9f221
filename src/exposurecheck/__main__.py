from exposurecheck.cli import main

main()
