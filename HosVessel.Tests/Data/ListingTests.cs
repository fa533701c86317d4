using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Data;

/// <summary>
/// Every list pages the same way: <see cref="PaginatedList{T}.CreateAsync"/> counts and clamps, and
/// <see cref="ListQuery"/> turns one query object into both the SQL and the links.
/// </summary>
public sealed class ListingTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Theory]
    [InlineData(-3, 45, 1, 0)]
    [InlineData(2, 45, 2, 20)]
    [InlineData(99, 45, 3, 40)]
    [InlineData(5, 0, 1, 0)]
    public async Task A_page_out_of_range_becomes_the_nearest_page(int asked, long total, int shown, int offset)
    {
        var read = (Limit: 0, Offset: -1);

        var list = await PaginatedList<int>.CreateAsync(asked, 20, () => Task.FromResult(total), (limit, from) =>
        {
            read = (limit, from);
            return Task.FromResult<IReadOnlyList<int>>([]);
        });

        Assert.Equal(shown, list.PageIndex);
        Assert.Equal((20, offset), read);
        Assert.Equal(Math.Max(1, (int)Math.Ceiling(total / 20.0)), list.TotalPages);
    }

    [Fact]
    public void One_query_gives_the_SQL_and_the_links_with_its_filters()
    {
        var list = new VesselQuery(Name: "h/ecopia", ShipType: "cntr", Flag: " ", Sort: "imo_no", Dir: "desc", Page: 3).ToListQuery();

        Assert.Contains("vessel_search MATCH @phrase", list.Where);
        Assert.Contains("ship_type = @shipType", list.Where);
        Assert.DoesNotContain("flag", list.Where);
        Assert.Equal("CNTR", list.Parameters.Get<string>("shipType"));
        Assert.Equal(
            "/vessel/list?name=h%2Fecopia&ship_type=cntr&sort=imo_no&dir=desc&page=2",
            ListQuery.Url("/vessel/list", list.Values(2)));
        Assert.Equal("/voyage?line=FE1", ListQuery.Url("/voyage", new VoyageQuery(Line: "FE1", Page: 4).ToListQuery().Values()));
    }

    [Fact]
    public async Task The_feed_log_pages_newest_first()
    {
        var log = factory.Services.GetRequiredService<VoyageFeedLog>();
        for (var i = 0; i <= FeedLogQuery.PageSize; i++)
        {
            await log.AddAsync(new VoyageFeedEntry { ReceivedAt = DateTimeOffset.UtcNow.ToString("O"), StatusCode = 200, Received = i });
        }
        var admin = await factory.LoginAsAdminAsync();

        var first = await admin.GetStringAsync("/voyage/feed");
        var last = await log.SearchAsync(new FeedLogQuery(Page: 99));

        Assert.Contains("rel=\"next\" href=\"/voyage/feed?page=2\"", first);
        Assert.True(last.PageIndex >= 2);
        Assert.Equal(FeedLogQuery.PageSize, (await log.SearchAsync(new FeedLogQuery())).Items[0].Received);
    }

    [Fact]
    public async Task The_users_page_counts_every_user_and_binds_its_page()
    {
        var admin = await factory.LoginAsAdminAsync();

        var html = await admin.GetStringAsync("/users?page=abc");

        Assert.Contains("총 ", html);
        Assert.Contains(HosVesselFactory.AdminUsername, html);
    }
}
