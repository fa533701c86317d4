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
        Assert.Equal("선박명을 입력하세요. 예: HYUNDAI AMBITION", errors["name"]);
    }

    [Theory]
    [InlineData("KR", "KR")]
    [InlineData("NK", "NK")]
    [InlineData("DNV/KR", "DNV/KR")]
    [InlineData("dnv / kr", "DNV/KR")]
    [InlineData("KR/ABS", "KR/ABS")]
    [InlineData("LR+KR", "LR+KR")]
    [InlineData("lr + kr", "LR+KR")]
    [InlineData("DNV GL", "DNV GL")]
    [InlineData("ABS/LR", "ABS/LR")]
    public void Classes_as_the_fleet_writes_them_are_accepted_and_normalised(string value, string stored)
    {
        var fields = VesselSamples.Valid();
        fields.Class = value;
        var cleaned = fields.Cleaned();

        Assert.False(VesselValidator.Validate(cleaned).ContainsKey("class"));
        Assert.Equal(stored, cleaned.Class);
        Assert.Empty(VesselValidator.Warnings(cleaned));
    }

    [Theory]
    [InlineData("DNV//KR")]
    [InlineData("D")]
    [InlineData("12")]
    [InlineData("KR/")]
    [InlineData("<script>")]
    public void Values_that_cannot_be_a_class_are_refused_naming_the_value_and_what_is_accepted(string value)
    {
        var fields = VesselSamples.Valid();
        fields.Class = value;
        var message = VesselValidator.Validate(fields.Cleaned())["class"];

        Assert.Contains($"'{fields.Cleaned().Class}'", message);
        Assert.Contains("LR+KR", message);
    }

    [Fact]
    public void An_unfamiliar_society_is_a_warning_not_a_refusal()
    {
        var fields = VesselSamples.Valid();
        fields.Class = "KR/XYZ";
        var cleaned = fields.Cleaned();

        Assert.False(VesselValidator.Validate(cleaned).ContainsKey("class"));
        Assert.Contains("XYZ", VesselValidator.Warnings(cleaned)["class"]);
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
        Assert.Equal("IMO 번호 '12345'는 7자리 숫자가 아닙니다. 예: 9321483", VesselValidator.Validate(fields.Cleaned())["imo_no"]);
        fields.ImoNo = "9074728";
        Assert.Equal("IMO 번호 '9074728'의 마지막 자리(검증 숫자)가 맞지 않습니다. 앞 여섯 자리가 907472면 마지막 자리는 9여야 합니다.",
            VesselValidator.Validate(fields.Cleaned())["imo_no"]);
    }

    [Fact]
    public void Long_names_and_ship_codes_are_rejected()
    {
        var fields = VesselSamples.Valid(new string('A', 101));
        fields.ShipCode = "ABCDEFG";
        var errors = VesselValidator.Validate(fields.Cleaned());
        Assert.Equal($"선박명 '{new string('A', 30)}…'는 101자입니다. 100자 이하로 입력하세요.", errors["name"]);
        Assert.Equal("선박 코드 'ABCDEFG'는 7자입니다. 6자 이하로 입력하세요.", errors["ship_code"]);
    }
}
