using System.CommandLine;
using HosVessel.Web.Backups;
using HosVessel.Web.Data;
using HosVessel.Web.Legacy;
using HosVessel.Web.Vessels;

namespace HosVessel.Web.Cli;

/// <summary>
/// The one dispatcher for <c>dotnet HosVessel.Web.dll &lt;command&gt; [args]</c>: any first argument naming a
/// command (or <c>--help</c>) runs it instead of the web server. Each command is defined in its feature folder.
/// </summary>
public static class CliCommands
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?"];

    private static readonly string[] Names =
        [HealthProbeCommand.Name, ImportLegacyCommand.Name, BackupCommand.Name, ImportVesselsCommand.Name];

    public static bool IsCommand(string[] args) => args is [var first, ..] && (Names.Contains(first) || HelpTokens.Contains(first));

    /// <summary>From <c>Program</c>: the app is built, and the database migrated, only for a command that needs them.</summary>
    public static async Task<int> RunAsync(string[] args, Func<WebApplication> buildApp)
    {
        WebApplication? app = null;
        try
        {
            return await InvokeAsync(() =>
            {
                app = buildApp();
                app.Services.GetRequiredService<Database>().Migrate();
                return app.Services;
            }, args, Console.Out, Console.Error);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Runs a command against already-built services; tests use it to drive commands in-process.</summary>
    public static Task<int> InvokeAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error) =>
        InvokeAsync(() => services, args, output, error);

    private static async Task<int> InvokeAsync(Func<IServiceProvider> services, string[] args, TextWriter output, TextWriter error)
    {
        await using var context = new CliContext(services, output);
        var root = new RootCommand("HosVessel: without a command, runs the web app.")
        {
            HealthProbeCommand.Create(context),
            ImportLegacyCommand.Create(context),
            BackupCommand.Create(context),
            ImportVesselsCommand.Create(context),
        };
        // No response files: an argument starting with @ is a file name here, not a list of more arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var command = parsed.CommandResult.Command;
        if (parsed.Errors.Count > 0)
        {
            // The usage line comes first, worded as before the parser was System.CommandLine; then what was wrong.
            var usage = context.UsageOf(command);
            await error.WriteLineAsync(usage is null ? "" : $"{command.Name}: {usage}");
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }
            return 1;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandException exception)
        {
            await error.WriteLineAsync($"{command.Name}: {exception.Message}");
            return 1;
        }
        catch (DataFolderException exception)
        {
            await error.WriteLineAsync($"HosVessel cannot start: {exception.Message}");
            return 1;
        }
    }
}

/// <summary>
/// What the commands share: the app's services in one scope, created on first use (so <c>healthcheck</c> and
/// <c>--help</c> never open the database), the output writer, and each command's one-line usage.
/// </summary>
public sealed class CliContext(Func<IServiceProvider> rootServices, TextWriter output) : IAsyncDisposable
{
    private readonly Dictionary<Command, string> usages = [];
    private AsyncServiceScope? scope;

    public TextWriter Output { get; } = output;

    public IServiceProvider Services => (scope ??= rootServices().CreateAsyncScope()).ServiceProvider;

    /// <summary>A command with its usage line, printed (after its name) when its arguments do not parse.</summary>
    public Command Define(string name, string description, string usage)
    {
        var command = new Command(name, description);
        usages[command] = usage;
        return command;
    }

    public string? UsageOf(Command command) => usages.GetValueOrDefault(command);

    public ValueTask DisposeAsync() => scope?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>A failure whose message is meant for the person at the terminal, without a stack trace.</summary>
public sealed class CommandException(string message) : Exception(message);
