from recoupe.cli import main

raise SystemExit(main())
