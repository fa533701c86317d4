using System.Text;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

/// <summary>
/// The register CSV carries Korean headers; the import takes those, the snake_case keys of older files, or a mix,
/// and names any column it cannot place instead of dropping it.
/// </summary>
public sealed class VesselCsvHeaderTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private VesselStore Store => factory.Services.GetRequiredService<VesselStore>();

    [Fact]
    public async Task The_export_has_korean_headers_and_imports_back_unchanged()
    {
        var ship = VesselSamples.Valid("H/ECOPIA");
        ship.Class = "LR+KR";
        ship.Callsign = null;
        await Store.CreateAsync(ship);
        var admin = await factory.LoginAsAdminAsync();

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/vessel/list?handler=csv&name={ship.ImoNo}"));
        var (status, html) = await admin.UploadVesselsAsync(Encoding.UTF8.GetBytes(csv), "vessels.csv");

        Assert.StartsWith("\uFEFFID,선박명,IMO 번호,선박 코드,선종,크기,", csv);
        Assert.Contains(",LR+KR,", csv);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("변경 없음 <strong>1</strong>척", html);
    }

    [Fact]
    public async Task A_file_with_the_older_english_headers_still_imports()
    {
        var ship = VesselSamples.Valid("HYUNDAI AMBITION");
        var keys = VesselFieldTable.All.Select(f => f.Key);
        var csv = $"id,{string.Join(',', keys)}\r\n,{string.Join(',', VesselFieldTable.All.Select(f => f.Get(ship)))}\r\n";

        var (status, html) = await (await factory.LoginAsAdminAsync()).UploadVesselsAsync(Encoding.UTF8.GetBytes(csv), "old.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("추가 <strong>1</strong>척", html);
        var stored = await Store.FindByImoAsync(ship.ImoNo!);
        Assert.All(VesselFieldTable.All, field => Assert.Equal(field.Get(ship), field.Get(stored!)));
    }

    [Fact]
    public async Task Korean_and_english_headers_can_be_mixed_and_labels_typed_without_spaces()
    {
        var ship = VesselSamples.Valid();
        await Store.CreateAsync(ship);
        var csv = $"선박명,imo_no,크기,RO(대행검사기관)\r\n{ship.Name},{ship.ImoNo},99K,BV\r\n";

        var (status, html) = await (await factory.LoginAsAdminAsync()).UploadVesselsAsync(Encoding.UTF8.GetBytes(csv), "mixed.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("수정 <strong>1</strong>척", html);
        var stored = await Store.FindByImoAsync(ship.ImoNo!);
        Assert.Equal(("99K", "BV", ship.Class), (stored!.Size, stored.Ro, stored.Class));
    }

    [Theory]
    [InlineData("name,imo_no,created_at,비고", "CSV 머리글의 'created_at', '비고'를 알 수 없습니다.")]
    [InlineData("name,선박명,imo_no", "CSV 머리글에 선박명이 두 번 있습니다 ('name', '선박명').")]
    [InlineData("선박명,크기", "CSV 머리글에 IMO 번호(imo_no)가 없습니다.")]
    public async Task A_header_the_import_cannot_place_is_named_and_nothing_changes(string header, string message)
    {
        var ship = VesselSamples.Valid();
        await Store.CreateAsync(ship);
        var csv = $"{header}\r\n{ship.Name},{ship.ImoNo},X,Y\r\n";

        var (status, html) = await (await factory.LoginAsAdminAsync()).UploadVesselsAsync(Encoding.UTF8.GetBytes(csv), "bad.csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html);
        Assert.Equal(ship.Size, (await Store.FindByImoAsync(ship.ImoNo!))!.Size);
    }
}
