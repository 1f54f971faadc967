/** Attributes a relying party may ask the authentication to return (the user's attributes after a proofing). */
export const USER_ATTRIBUTES = ["firstName", "lastName", "dateOfBirth", "gender", "nationality", "documentNumber", "documentType", "dateOfExpiry", "issuingCountry"] as const;
