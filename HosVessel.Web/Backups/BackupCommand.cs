using HosVessel.Web.Cli;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Backups;

/// <summary><c>backup [&lt;dir&gt;]</c>: one online backup, printing the file's path.</summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length > 1)
        {
            throw new CommandException("usage: backup [<dir>]");
        }
        try
        {
            var path = await services.GetRequiredService<BackupWriter>().WriteAsync(args.FirstOrDefault(), cancellationToken);
            await output.WriteLineAsync(path);
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new CommandException($"backup failed: {exception.Message}");
        }
    }
}
