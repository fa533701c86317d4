using System.Net.Http.Headers;
using System.Text.Json;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Voyages;

namespace HosVessel.Tests.Faults;

/// <summary>SIGKILL the app or the import in the middle of a write; after a restart the data is whole.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class KillMidwayTests
{
    public enum KillPoint { WhileTheBodyIsSent, WhileTheDatabaseIsWritten, RightAfterTheResponse }

    private const int OldVoyages = 300;
    private const int OldVessels = 200;
    private const int NewVessels = 20_000;

    // One data folder goes through every kill point in turn; each restart is also the check of the one before.
    [Fact]
    public async Task Voyage_push_killed_midway_leaves_exactly_the_old_or_the_new_set()
    {
        using var data = new TempDataDirectory();
        var database = Path.Combine(data.Path, "hosvessel.db");
        var oldSet = Expected("OLD", OldVoyages, "0001");
        // The feed refuses more than MaxItems (5,000) per push, so the biggest push it takes is the one killed.
        var newSet = Expected("NEW", VoyageFeedParser.MaxItems, "0002");
        var app = await AppProcess.StartAsync(data.Path);
        try
        {
            using (var client = app.CreateClient())
            using (var first = await PushAsync(client, new ByteArrayContent(Fleet.Push("OLD", OldVoyages, "0001"))))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            foreach (var point in Enum.GetValues<KillPoint>())
            {
                await KillDuringPushAsync(app, data.Path, point, Fleet.Push("NEW", VoyageFeedParser.MaxItems, "0002"));
                app = await AppProcess.StartAsync(data.Path);
                using var check = app.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await check.GetAsync("/health")).StatusCode);
                var stored = await StoredData.VoyagesAsync(database);
                List<(string, string?)>[] allowed = point switch
                {
                    KillPoint.WhileTheBodyIsSent => [oldSet],
                    KillPoint.RightAfterTheResponse => [newSet],
                    _ => [oldSet, newSet],
                };
                Assert.True(allowed.Any(set => set.SequenceEqual(stored)),
                    $"after a kill {point}: {stored.Count} voyages stored, {stored.Count(v => v.Name.StartsWith("OLD"))} old and {stored.Count(v => v.Name.StartsWith("NEW"))} new");
                if (!stored.SequenceEqual(oldSet))
                {
                    using var reset = await PushAsync(check, new ByteArrayContent(Fleet.Push("OLD", OldVoyages, "0001")));
                    Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
                }
            }
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task KillDuringPushAsync(AppProcess app, string dataDirectory, KillPoint point, byte[] body)
    {
        using var client = app.CreateClient();
        using var wal = new WalWatcher(dataDirectory);
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stall = new CancellationTokenSource();
        HttpContent content = point == KillPoint.WhileTheBodyIsSent ? new StalledContent(body, halfSent, stall.Token) : new ByteArrayContent(body);
        var push = PushAsync(client, content);
        await (point switch
        {
            KillPoint.WhileTheBodyIsSent => halfSent.Task,
            KillPoint.WhileTheDatabaseIsWritten => Task.WhenAny(wal.Written, push),
            _ => push,
        });
        await app.KillAsync();
        await stall.CancelAsync();
        try
        {
            (await push).Dispose();
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // The connection died with the server, as it should.
        }
    }

    private static List<(string Name, string? VoyNo)> Expected(string prefix, int count, string voyNo) =>
        [.. Enumerable.Range(1, count).Select(i => ($"{prefix} {i:D5}", (string?)voyNo))];

    [Fact]
    public async Task Vessel_import_killed_midway_leaves_the_register_as_before_or_fully_imported()
    {
        using var data = new TempDataDirectory();
        var oldFile = Path.Combine(data.Path, "old.json");
        await File.WriteAllBytesAsync(oldFile, JsonSerializer.SerializeToUtf8Bytes(Fleet.Vessels("OLD", 1, OldVessels)));
        var (exitCode, output) = await AppProcess.RunCommandAsync(data.Path, "import-vessels", oldFile);
        Assert.True(exitCode == 0, output);
        var before = await StoredData.VesselsAsync(data.Path + "/hosvessel.db");
        var newFile = Path.Combine(data.Path, "new.json");
        await File.WriteAllBytesAsync(newFile, JsonSerializer.SerializeToUtf8Bytes(Fleet.Vessels("NEW", 1000, NewVessels)));

        using (var wal = new WalWatcher(data.Path))
        await using (var import = AppProcess.StartCommand(data.Path, "import-vessels", newFile))
        {
            await Task.WhenAny(wal.Written, import.WaitForExitAsync());
            await import.KillAsync();
        }

        var after = await StoredData.VesselsAsync(data.Path + "/hosvessel.db");
        Assert.True(after.SequenceEqual(before) || after.Count == OldVessels + NewVessels,
            $"{after.Count} vessels after the kill: {after.Count(v => v.Name.StartsWith("NEW"))} of {NewVessels} new ones");
        Assert.Equal(before, after.Where(v => v.Name.StartsWith("OLD")));
        await using var restarted = await AppProcess.StartAsync(data.Path);
        using var check = restarted.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await check.GetAsync("/health")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PushAsync(HttpClient client, HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage") { Content = content };
        request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        return await client.SendAsync(request);
    }

    /// <summary>Sends half of the body, says so, then stalls until the test has killed the server.</summary>
    private sealed class StalledContent(byte[] body, TaskCompletionSource halfSent, CancellationToken stalled) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await Task.Delay(Timeout.Infinite, stalled);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
