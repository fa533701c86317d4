using HosVessel.Web.Backups;
using HosVessel.Web.Data;

namespace HosVessel.Web.Cli;

/// <summary>
/// Commands run as <c>dotnet HosVessel.Web.dll &lt;command&gt; [args]</c> instead of the web server.
/// Each gets a migrated database and the app's services, and returns the process exit code.
/// </summary>
public static class CliCommands
{
    public delegate Task<int> Command(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Command> Commands = new(StringComparer.Ordinal)
    {
        [Legacy.ImportLegacyCommand.Name] = Legacy.ImportLegacyCommand.RunAsync,
        [BackupCommand.Name] = BackupCommand.RunAsync,
        [Vessels.ImportVesselsCommand.Name] = Vessels.ImportVesselsCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using (var connection = app.Services.GetRequiredService<Database>().Open())
        {
            SchemaMigrator.Migrate(connection);
        }
        return await InvokeAsync(app.Services, args, Console.Out, Console.Error);
    }

    /// <summary>Runs a command against already-built services; tests use it to drive commands in-process.</summary>
    public static async Task<int> InvokeAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        using var scope = services.CreateScope();
        try
        {
            return await Commands[args[0]](scope.ServiceProvider, args[1..], output, CancellationToken.None);
        }
        catch (CommandException exception)
        {
            await error.WriteLineAsync($"{args[0]}: {exception.Message}");
            return 1;
        }
    }
}

/// <summary>A failure whose message is meant for the person at the terminal, without a stack trace.</summary>
public sealed class CommandException(string message) : Exception(message);
