// The appliance runs on Linux (Unix domain sockets, file modes, flock); so do its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
