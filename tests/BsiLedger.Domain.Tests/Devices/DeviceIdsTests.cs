using BsiLedger.Domain.Devices;

namespace BsiLedger.Domain.Tests.Devices;

public sealed class DeviceIdsTests
{
    [Theory]
    [InlineData("C02X1234")]
    [InlineData("iphone-0042")]
    [InlineData("fleet:ios.7_a")]
    public void Serial_like_ids_are_accepted(string id) => Assert.True(DeviceIds.IsValid(id, out _));

    [Theory]
    [InlineData("")]
    [InlineData("iOS 26.3.1 (a)")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("bell\a")]
    [InlineData("ünïcode")]
    public void Ids_that_could_be_confused_or_carry_control_characters_are_refused(string id)
    {
        Assert.False(DeviceIds.IsValid(id, out var error));
        Assert.Contains("expected", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_refused() =>
        Assert.False(DeviceIds.IsValid(new string('a', 65), out _));
}
