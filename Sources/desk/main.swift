import DispatchCLI

Desk.main()
