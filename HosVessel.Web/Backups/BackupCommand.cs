using System.CommandLine;
using HosVessel.Web.Cli;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Backups;

/// <summary><c>backup [&lt;dir&gt;]</c>: one online backup, printing the file's path.</summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static Command Create(CliContext cli)
    {
        var directory = new Argument<string?>("dir")
        {
            Description = "Where to write it (default: the configured backup folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = cli.Define(Name, "Writes one online backup of the database and prints the file's path.", "usage: backup [<dir>]");
        command.Arguments.Add(directory);
        command.SetAction((parsed, cancellationToken) => RunAsync(cli.Services, parsed.GetValue(directory), cli.Output, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string? directory, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var path = await services.GetRequiredService<BackupWriter>().WriteAsync(directory, cancellationToken);
            await output.WriteLineAsync(path);
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new CommandException($"backup failed: {exception.Message}");
        }
    }
}
