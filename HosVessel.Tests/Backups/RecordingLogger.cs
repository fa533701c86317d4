using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace HosVessel.Tests.Backups;

/// <summary>A logger whose messages a test can await, so it waits on what the code did instead of on a clock.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly Channel<string> messages = Channel.CreateUnbounded<string>();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Writer.TryWrite(formatter(state, exception) + (exception is null ? "" : " " + exception.Message));

    /// <summary>The next message that starts with <paramref name="prefix"/>, skipping others.</summary>
    public async Task<string> NextAsync(string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var message = await messages.Reader.ReadAsync(timeout.Token);
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return message;
            }
            Assert.False(message.StartsWith("Nightly backup failed", StringComparison.Ordinal), message);
        }
    }
}
