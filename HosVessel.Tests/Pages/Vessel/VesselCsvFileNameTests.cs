using HosVessel.Tests.Accounts;

namespace HosVessel.Tests.Pages.Vessel;

/// <summary>The CSV is named by the Korean date, whatever zone the server runs in.</summary>
public sealed class VesselCsvFileNameTests : IDisposable
{
    private readonly AccountsFactory factory = new();

    [Fact]
    public async Task The_CSV_file_is_named_with_the_date_in_Korea_not_the_servers()
    {
        // 15:30 UTC on 31 May is already 1 June in Korea.
        factory.Clock.SetUtcNow(new DateTimeOffset(2031, 5, 31, 15, 30, 0, TimeSpan.Zero));
        var viewer = await factory.LoginAsViewerAsync();

        var response = await viewer.GetAsync("/vessel/list?handler=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("선박목록-20310601.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    public void Dispose() => factory.Dispose();
}
