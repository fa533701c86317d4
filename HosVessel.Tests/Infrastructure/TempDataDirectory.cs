namespace HosVessel.Tests.Infrastructure;

/// <summary>A fresh data folder per app instance, removed when the test is done.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hosvessel-test-").FullName;

    public string DatabasePath => System.IO.Path.Combine(Path, "hosvessel.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still shutting down may hold the file; the OS temp cleaner gets it later.
        }
    }
}
