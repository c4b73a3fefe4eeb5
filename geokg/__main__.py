from geokg.cli import main

raise SystemExit(main())
