using HosVessel.Web.Vessels;

namespace HosVessel.Tests.Vessels;

public sealed class VesselValidatorTests
{
    [Fact]
    public void A_complete_vessel_is_valid() => Assert.Empty(VesselValidator.Validate(VesselSamples.Valid().Cleaned()));

    [Fact]
    public void Missing_required_fields_are_named_in_korean()
    {
        var errors = VesselValidator.Validate(new VesselFields().Cleaned());
        Assert.Equal(["name", "imo_no", "ship_code", "ship_type", "size", "flag", "ro", "class", "tic", "crew"], errors.Keys);
        Assert.Equal("선박명을(를) 입력하세요.", errors["name"]);
    }

    [Theory]
    [InlineData("KR")]
    [InlineData("DNV/KR")]
    [InlineData("dnv / kr")]
    [InlineData("ABS/LR")]
    public void Single_and_dual_classes_are_accepted(string value)
    {
        var fields = VesselSamples.Valid();
        fields.Class = value;
        Assert.False(VesselValidator.Validate(fields.Cleaned()).ContainsKey("class"));
    }

    [Theory]
    [InlineData("DNV/KR/LR")]
    [InlineData("DNV//KR")]
    [InlineData("D")]
    [InlineData("12")]
    public void Malformed_classes_are_rejected(string value)
    {
        var fields = VesselSamples.Valid();
        fields.Class = value;
        Assert.Equal("선급은 DNV 또는 DNV/KR 형식으로 입력하세요.", VesselValidator.Validate(fields.Cleaned())["class"]);
    }

    [Theory]
    [InlineData("2019", true)]
    [InlineData("2019-05", true)]
    [InlineData("2019-13", false)]
    [InlineData("2019-5", false)]
    [InlineData("19-05", false)]
    [InlineData("2019-05-01", false)]
    public void Built_year_is_yyyy_or_yyyy_mm(string value, bool valid) => Assert.Equal(valid, VesselValidator.IsValidBuiltYear(value));

    [Theory]
    [InlineData("2025-03-14", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2025-02-29", false)]
    [InlineData("2025-3-14", false)]
    [InlineData("14/03/2025", false)]
    public void Internal_audit_is_a_real_yyyy_mm_dd_date(string value, bool valid) => Assert.Equal(valid, VesselValidator.IsValidDate(value));

    [Fact]
    public void Imo_format_and_check_digit_have_their_own_messages()
    {
        var fields = VesselSamples.Valid();
        fields.ImoNo = "12345";
        Assert.Equal("IMO 번호는 7자리 숫자입니다.", VesselValidator.Validate(fields.Cleaned())["imo_no"]);
        fields.ImoNo = "9074728";
        Assert.Contains("검증 숫자", VesselValidator.Validate(fields.Cleaned())["imo_no"]);
    }

    [Fact]
    public void Long_names_and_ship_codes_are_rejected()
    {
        var fields = VesselSamples.Valid(new string('A', 101));
        fields.ShipCode = "ABCDEFG";
        var errors = VesselValidator.Validate(fields.Cleaned());
        Assert.Equal("선박명은(는) 100자 이하로 입력하세요.", errors["name"]);
        Assert.Equal("선박 코드는 6자 이하로 입력하세요.", errors["ship_code"]);
    }
}
