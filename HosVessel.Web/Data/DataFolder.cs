namespace HosVessel.Web.Data;

/// <summary>Startup checks that turn a bad data folder into one readable sentence with the fix.</summary>
public static class DataFolder
{
    /// <summary>The uid:gid of the container image's non-root <c>app</c> user.</summary>
    public const string ContainerUser = DeploymentContract.ContainerUser;

    public static void EnsureUsable(string databasePath, bool createIfMissing)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        if (!Directory.Exists(folder))
        {
            if (!createIfMissing)
            {
                throw new DataFolderException(
                    $"The data folder '{folder}' does not exist. Create it: mkdir -p {folder} && chown {ContainerUser} {folder}");
            }
            Directory.CreateDirectory(folder);
        }

        var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new DataFolderException(
                $"The data folder '{folder}' is not writable by this process. " +
                $"Fix the owner, for the container: sudo chown {ContainerUser} <host data folder> (it is mounted at {folder}).",
                exception);
        }
    }
}

public sealed class DataFolderException(string message, Exception? inner = null) : Exception(message, inner);
