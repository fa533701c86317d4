using HosVessel.Web.Vessels;

namespace HosVessel.Tests.Vessels;

public sealed class ImoNumberTests
{
    [Theory]
    [InlineData("9074729")]
    [InlineData("9321483")]
    [InlineData("8814275")]
    public void Numbers_with_the_right_check_digit_are_valid(string imo) => Assert.True(ImoNumber.IsValid(imo));

    [Theory]
    [InlineData("9074728")]
    [InlineData("9321484")]
    [InlineData("907472")]
    [InlineData("90747290")]
    [InlineData("90747A9")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_check_digits_lengths_and_letters_are_invalid(string? imo) => Assert.False(ImoNumber.IsValid(imo));

    [Fact]
    public void Check_digit_is_the_weighted_sum_of_the_first_six_mod_ten() =>
        // 9*7 + 0*6 + 7*5 + 4*4 + 7*3 + 2*2 = 139
        Assert.Equal(9, ImoNumber.CheckDigit("907472"));

    [Theory]
    [InlineData(" IMO 9074729 ", "9074729")]
    [InlineData("imo9074729", "9074729")]
    [InlineData("  ", null)]
    public void Pasted_numbers_are_cleaned(string input, string? expected) => Assert.Equal(expected, ImoNumber.Clean(input));
}
