using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Pages;

[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class HomePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_logs_in_through_the_form_and_sees_the_quick_links()
    {
        var page = await browser.LoginAsync(HosVesselFactory.AdminUsername, HosVesselFactory.AdminPassword);

        Assert.EndsWith("/", page.Url);
        Assert.Equal("HOS 선박관리", await page.InnerTextAsync(".hero h1"));
        var links = await page.Locator(".quick-links a").AllInnerTextsAsync();
        Assert.Equal(["선박 목록", "운항 정보", "선박 등록"], links);
    }
}
