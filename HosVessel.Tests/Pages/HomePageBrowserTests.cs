using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Pages;

[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class HomePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_logs_in_through_the_form_and_lands_on_the_fleet_overview()
    {
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);

        Assert.EndsWith("/", page.Url);
        Assert.Equal("선대 현황", await page.InnerTextAsync(".fleet-head h1"));
        foreach (var id in new[] { "fleet-search", "arrivals", "psc-due", "crew-relief", "audit-due", "data-quality" })
        {
            Assert.True(await page.Locator($"#{id}").IsVisibleAsync(), $"#{id} is not shown");
        }
    }
}
