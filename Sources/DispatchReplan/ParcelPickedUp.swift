import DispatchModel

extension Stop {
    /// The delivery half of a shipment whose pickup is done, as the day goes on from here: a plain
    /// delivery of the parcel `pickup` loaded (its weight and volume; the delivery half carries
    /// none of its own), whether it is on board the trip under way or came back to the outlet.
    /// Any other stop is returned as it is.
    func pickedUp(by pickup: Stop?) -> Stop {
        guard kind == .shipmentDelivery else { return self }
        var parcel = self
        if let pickup {
            parcel.weightKg = pickup.weightKg
            parcel.volumeLitres = pickup.volumeLitres
        }
        parcel.kind = .delivery
        parcel.shipment = nil
        return parcel
    }
}
