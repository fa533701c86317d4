using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HosVessel.Tests.Infrastructure;

/// <summary>The app's log captured by <see cref="FakeLogCollector"/>, read the two ways the tests read it.</summary>
public static class FakeLogs
{
    /// <summary>Sends the app's log, as filtered by its configuration, to <paramref name="logs"/> as well.</summary>
    public static IWebHostBuilder CaptureLogs(this IWebHostBuilder builder, FakeLogCollector logs) =>
        builder.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)));

    extension(FakeLogCollector logs)
    {
        public IReadOnlyList<FakeLogRecord> Entries => logs.GetSnapshot();

        /// <summary>Every record so far as <c>Level: message</c>, one a line.</summary>
        public string Text => string.Join('\n', logs.GetSnapshot().Select(record => $"{record.Level}: {record.Message}"));
    }
}
