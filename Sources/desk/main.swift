import DispatchCLI

InterruptCleanup.install()
Desk.main()
