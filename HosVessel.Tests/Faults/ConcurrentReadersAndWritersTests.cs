using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using HosVessel.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Faults;

/// <summary>The n8n feed pushing in a loop while the team reads pages: no errors, no torn reads.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ConcurrentReadersAndWritersTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    private static readonly int[] PushSizes = [100, 150];
    private const int Readers = 8;

    [Fact]
    public async Task Pushes_in_a_loop_with_eight_readers_give_no_5xx_no_lock_errors_and_only_whole_sets()
    {
        using var data = new TempDataDirectory();
        var fleetFile = Path.Combine(data.Path, "fleet.json");
        await File.WriteAllBytesAsync(fleetFile, JsonSerializer.SerializeToUtf8Bytes(Fleet.Vessels("VSL", 1, 120)));
        var (exitCode, output) = await AppProcess.RunCommandAsync(data.Path, "import-vessels", fleetFile);
        Assert.True(exitCode == 0, output);
        List<long> vesselIds;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "hosvessel.db")};Pooling=False"))
        {
            vesselIds = [.. await connection.QueryAsync<long>("SELECT id FROM vessels")];
        }
        await using var app = await AppProcess.StartAsync(data.Path);
        using var pusher = app.CreateClient();
        using (var first = await PushAsync(pusher, PushSizes[0], round: 0))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var readers = new List<HttpClient>();
        for (var i = 0; i < Readers; i++)
        {
            var reader = app.CreateClient(cookies: true);
            var login = await reader.PostFormAsync("/login",
                new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = HosVesselFactory.AdminPassword });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            readers.Add(reader);
        }
        var problems = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var pushes = 0;
        var reads = 0;

        var writer = Task.Run(async () =>
        {
            for (var round = 1; clock.Elapsed < Duration; round++)
            {
                using var response = await PushAsync(pusher, PushSizes[round % 2], round);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    problems.Enqueue($"push {round}: {(int)response.StatusCode} {CorpusCase.Shorten(body)}");
                }
                Interlocked.Increment(ref pushes);
            }
        });
        var readerTasks = readers.Select((client, number) => Task.Run(async () =>
        {
            for (var i = number; clock.Elapsed < Duration; i++)
            {
                var url = (i % 4) switch
                {
                    0 => "/vessel/list?name=VSL&page=2",
                    1 => $"/vessel/{vesselIds[i % vesselIds.Count]}",
                    2 => "/voyage",
                    _ => $"/api/voyages?page={1 + i % 8}",
                };
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref reads);
                if (response.StatusCode != HttpStatusCode.OK || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Enqueue($"GET {url}: {(int)response.StatusCode} {CorpusCase.Shorten(body)}");
                }
                else if (url == "/voyage" && !PushSizes.Contains(ShownTotal(body)))
                {
                    problems.Enqueue($"GET /voyage shows 총 {ShownTotal(body)}척, which is no push's size");
                }
                else if (url.StartsWith("/api/voyages") && WholeSetProblem(body) is { } torn)
                {
                    problems.Enqueue($"GET {url}: {torn}");
                }
            }
        })).ToList();
        await Task.WhenAll([writer, .. readerTasks]);
        readers.ForEach(r => r.Dispose());

        Assert.Empty(problems.Take(20));
        Assert.True(pushes >= 2 && reads >= Readers, $"{pushes} pushes and {reads} reads in {Duration.TotalSeconds} s");
        Assert.DoesNotContain("database is locked", app.Log, StringComparison.OrdinalIgnoreCase);
    }

    // Every push has its own voyage number, so a page mixing two of them, or a total that is
    // no push's size, would be a read that saw half of a push.
    private static string? WholeSetProblem(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var total = root.GetProperty("total_count").GetInt32();
        var voyageNumbers = root.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("voy_no").GetString()).Distinct().ToList();
        return PushSizes.Contains(total) && voyageNumbers.Count <= 1
            ? null
            : $"total {total}, voyage numbers on one page: {string.Join(", ", voyageNumbers)}";
    }

    private static int ShownTotal(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, @"총 <strong>([\d,]+)</strong>척");
        return match.Success ? int.Parse(match.Groups[1].Value.Replace(",", "")) : -1;
    }

    private static async Task<HttpResponseMessage> PushAsync(HttpClient client, int size, int round)
    {
        var content = new ByteArrayContent(Fleet.Push("VSL", size, round.ToString("D4")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage") { Content = content };
        request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        return await client.SendAsync(request);
    }
}
