namespace Appliance.Host.Tests.Support;

/// <summary>Files of this repository that are not built, such as what the image adds to the root file system.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ImageRootfs => Path.Combine(Root, "image", "rootfs");

    public static string UnitFile => Path.Combine(ImageRootfs, "usr", "lib", "systemd", "system", "appliance.service");

    public static string SysusersFile => Path.Combine(ImageRootfs, "usr", "lib", "sysusers.d", "appliance.conf");

    public static string UdevRulesFile => Path.Combine(ImageRootfs, "usr", "lib", "udev", "rules.d", "60-appliance.rules");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Appliance.sln not found above " + AppContext.BaseDirectory);
    }
}
