/// How the parcel changes hands at the door.
public enum Handover: String, Sendable, Hashable, Codable, CaseIterable {
    /// To the door, or the customer there.
    case door
    /// Into a parcel locker (快递柜).
    case locker
    /// Left at the guard room (门卫).
    case guardRoom = "guard"
    /// Handed over face to face, signed for: valuables and fragile parcels.
    case faceToFace = "face_to_face"
    /// The customer said "don't use the locker".
    case noLocker = "no_locker"
}
