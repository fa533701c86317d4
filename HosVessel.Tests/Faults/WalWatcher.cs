namespace HosVessel.Tests.Faults;

/// <summary>
/// Completes when SQLite writes to the database's write-ahead log, that is when a writer has started
/// putting pages on disk, so a test can kill the process mid-write without guessing a delay.
/// </summary>
public sealed class WalWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly TaskCompletionSource written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WalWatcher(string dataDirectory)
    {
        watcher = new FileSystemWatcher(dataDirectory, "hosvessel.db-wal")
        {
            NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName,
        };
        watcher.Changed += (_, _) => written.TrySetResult();
        watcher.Created += (_, _) => written.TrySetResult();
        watcher.EnableRaisingEvents = true;
    }

    public Task Written => written.Task;

    public void Dispose() => watcher.Dispose();
}
